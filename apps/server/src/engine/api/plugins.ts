// Wires the API machinery (defaulting, admission, validation, strict decoding) into the API server.

import { ApiPlugins } from './api-server';
import { admitPod, applyDefaults } from './defaults';
import { typeErrors, unknownFields } from './schema';
import { validateObject } from './validation';

export const defaultPlugins: ApiPlugins = {
  applyDefaults,
  validate: validateObject,
  unknownFields,
  typeErrors,
  admitPod,
};
