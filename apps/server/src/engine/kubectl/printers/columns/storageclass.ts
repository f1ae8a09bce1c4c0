// StorageClasses (printers.go printStorageClass).

import type { KubeObject } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, type ColumnSet } from '../table';
import { age } from './format';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

export const storageClassColumns: ColumnSet = {
  columns: [NAME_COLUMN, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), AGE_COLUMN],
  row(sc: KubeObject, now) {
    const ann = sc.metadata.annotations ?? {};
    const isDefault = ann[DEFAULT_CLASS] === 'true' || ann[BETA_DEFAULT_CLASS] === 'true';
    return [
      `${sc.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`,
      (sc.provisioner as string | undefined) ?? '',
      (sc.reclaimPolicy as string | undefined) ?? 'Delete',
      (sc.volumeBindingMode as string | undefined) ?? 'Immediate',
      (sc.allowVolumeExpansion as boolean | undefined) ?? false,
      age(sc.metadata.creationTimestamp, now),
    ];
  },
};
