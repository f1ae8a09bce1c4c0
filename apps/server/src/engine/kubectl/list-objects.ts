// A list through kubectl's resource builder (cli-runtime's Selector visitor): the API server's
// 400 or 404 for it comes back with the resource and the selectors said (EnhanceListError).

import { ApiError, isApiError } from '../api/errors';
import { ApiServer } from '../api/api-server';
import { ResourceInfo } from '../api/resources';
import { KubeObject } from '../api/types';
import { goQuote } from '../api/validation/field';

export interface BuilderListOptions {
  /** undefined: every namespace (or a cluster-scoped kind) */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export function listObjects(api: ApiServer, info: ResourceInfo, opts: BuilderListOptions): KubeObject[] {
  const labelSelector = opts.labelSelector ?? '';
  const fieldSelector = opts.fieldSelector ?? '';
  try {
    return api.list(info.resource, { namespace: opts.namespace, labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined });
  } catch (e) {
    if (!isApiError(e)) throw e;
    const err = e as ApiError;
    if (err.reason !== 'BadRequest' && err.reason !== 'NotFound') throw e;
    // schema.GroupVersionResource's String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`
    const gvr = goQuote(`${info.group}/${info.version}, Resource=${info.resource}`);
    const message =
      !labelSelector && !fieldSelector
        ? `Unable to list ${gvr}: ${err.message}`
        : `Unable to find ${gvr} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${err.message}`;
    throw new ApiError(err.reason, message, err.details);
  }
}
