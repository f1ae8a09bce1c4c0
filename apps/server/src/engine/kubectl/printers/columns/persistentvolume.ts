// PersistentVolumes (printers.go printPersistentVolume).

import type { PersistentVolume } from '../../../api/types';
import { AGE_COLUMN, NAME_COLUMN, col, wide, type ColumnSet } from '../table';
import { accessModes, age, quantity, storageClassOf } from './format';

export const persistentVolumeColumns: ColumnSet = {
  columns: [
    NAME_COLUMN,
    col('Capacity'),
    col('Access Modes'),
    col('Reclaim Policy'),
    col('Status'),
    col('Claim'),
    col('StorageClass'),
    col('VolumeAttributesClass'),
    col('Reason'),
    AGE_COLUMN,
    wide('VolumeMode'),
  ],
  row(pv: PersistentVolume, now) {
    const ref = pv.spec?.claimRef;
    const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
    return [
      pv.metadata.name ?? '',
      quantity(pv.spec?.capacity?.storage),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      phase,
      claim,
      storageClassOf(pv),
      (pv.spec?.volumeAttributesClassName as string | undefined) ?? '<unset>',
      pv.status?.reason ?? '',
      age(pv.metadata.creationTimestamp, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};
