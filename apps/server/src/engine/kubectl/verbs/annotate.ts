// kubectl annotate: the label verb's machinery on metadata.annotations (see label.ts).

import { metadataCommand } from './label';

export const annotateCommand = metadataCommand('annotations');
