// PersistentVolumeClaims (printers.go printPersistentVolumeClaim).

import type { PersistentVolumeClaim } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, wide, type ColumnSet } from '../table';
import { accessModes, age, quantity, storageClassOf } from './format';

export const persistentVolumeClaimColumns: ColumnSet = {
  columns: [
    NAME_COLUMN,
    col('Status'),
    col('Volume'),
    col('Capacity'),
    col('Access Modes'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    AGE_COLUMN,
    wide('VolumeMode'),
  ],
  row(pvc: PersistentVolumeClaim, now) {
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
    const bound = !!pvc.spec?.volumeName;
    return [
      pvc.metadata.name ?? '',
      phase,
      pvc.spec?.volumeName ?? '',
      // capacity and access modes only show once the claim names its volume
      bound ? quantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      ((pvc.spec as Record<string, unknown> | undefined)?.volumeAttributesClassName as string | undefined) ?? '<unset>',
      age(pvc.metadata.creationTimestamp, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};
