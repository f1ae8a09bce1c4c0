// The check language: conditions as plain data (JSON in lesson manifests), validated with zod.
// Four families: objects in the cluster, commands the student ran, transitions that happened,
// and time (every input and transition condition can be bounded by `within` / `before` / `after`).

import { z } from 'zod';

/** `10m`, `90s`, `1h30m`, `2d` */
export const durationSchema = z.string().regex(/^(\d+(ms|s|m|h|d))+$/, 'a duration such as 90s, 10m or 1h30m');

/** A test on one field of an object: the path, and what its value must be. */
export const fieldTestSchema = z
  .object({
    /** `spec.replicas`, `spec.containers[0].image`, `spec.containers[*].image`, `spec.containers[name=db].env[name=MARIADB_ROOT_PASSWORD].value` */
    path: z.string().min(1),
    equals: z.unknown().optional(),
    matches: z.string().optional(),
    /** the field has any value (not undefined, null or empty) */
    present: z.boolean().optional(),
  })
  .strict();
export type FieldTest = z.infer<typeof fieldTestSchema>;

const base = {
  /** stable id, for stored results and hand-written hints */
  id: z.string().optional(),
  /** relative weight for partial credit (default 1) */
  weight: z.number().positive().optional(),
};

/** Which objects a condition is about. */
const target = {
  /** plural resource name: pods, services, deployments, replicasets, namespaces, nodes ... */
  resource: z.string().min(1),
  /** default `default` for namespaced resources; `*` for every namespace */
  namespace: z.string().optional(),
  name: z.string().optional(),
  /** name starts with (the pods of a Deployment: `web-`) */
  namePrefix: z.string().optional(),
  /** equality label selector */
  labels: z.record(z.string(), z.string()).optional(),
  /** pods only: status.phase */
  phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']).optional(),
  /** pods only: the Ready condition */
  ready: z.boolean().optional(),
  /** every test must hold for an object to count */
  where: z.array(fieldTestSchema).optional(),
};

const timeBounds = {
  /** it happened no longer ago than this (from `now`) */
  within: durationSchema.optional(),
  /** it happened before this time (RFC 3339) */
  before: z.string().optional(),
  /** it happened at or after this time (RFC 3339), or since the step started (`step`) */
  after: z.string().optional(),
};

export const objectConditionSchema = z
  .object({ ...base, ...target, type: z.enum(['exists', 'absent']) })
  .strict();

export const countConditionSchema = z
  .object({
    ...base,
    ...target,
    type: z.literal('count'),
    atLeast: z.number().int().nonnegative().optional(),
    atMost: z.number().int().nonnegative().optional(),
    equals: z.number().int().nonnegative().optional(),
  })
  .strict();

export const fieldConditionSchema = z
  .object({ ...base, ...target, type: z.literal('field'), test: fieldTestSchema })
  .strict();

/** A Service whose selector matches at least `atLeast` (default 1) ready pods. */
export const selectsConditionSchema = z
  .object({ ...base, type: z.literal('selects'), namespace: z.string().optional(), name: z.string(), atLeast: z.number().int().positive().optional() })
  .strict();

/**
 * The student ran a command, matched on its parsed form: tool (kubectl whatever the alias or
 * door), its verb path, flags in any order and spelling, positional arguments.
 */
export const commandConditionSchema = z
  .object({
    ...base,
    ...timeBounds,
    type: z.literal('command'),
    tool: z.string().optional(),
    /** `apply`, `create`, `rollout undo`; several mean any of them */
    verb: z.union([z.string(), z.array(z.string())]).optional(),
    /** flag name (long form) → true (given), false (not given), a string (equals) or `/re/` */
    flags: z.record(z.string(), z.union([z.boolean(), z.string()])).optional(),
    /** each must equal (or `/re/` match) some positional argument; `pod/web` and `pod web` agree */
    args: z.array(z.string()).optional(),
    /** the namespace the command addressed (-n / --namespace= / default) */
    namespace: z.string().optional(),
    /** only commands that succeeded (exit code 0); default true */
    succeeded: z.boolean().optional(),
    /** the student must NOT have run such a command */
    not: z.boolean().optional(),
  })
  .strict();

/** Something happened to objects, from the recorded transitions (Events expire; these do not). */
export const transitionConditionSchema = z
  .object({
    ...base,
    ...timeBounds,
    type: z.literal('transition'),
    resource: z.string().min(1),
    namespace: z.string().optional(),
    name: z.string().optional(),
    namePrefix: z.string().optional(),
    kind: z.enum(['added', 'modified', 'deleted']),
    phase: z.string().optional(),
    /** the owner's kind and name (the ReplicaSet of a pod) */
    owner: z.object({ kind: z.string(), name: z.string().optional(), namePrefix: z.string().optional() }).strict().optional(),
    atLeast: z.number().int().positive().optional(),
  })
  .strict();

/** A pod owned by `owner` was deleted and another pod of the same owner was added after it. */
export const replacedConditionSchema = z
  .object({
    ...base,
    ...timeBounds,
    type: z.literal('replaced'),
    resource: z.string().min(1),
    namespace: z.string().optional(),
    owner: z.object({ kind: z.string(), name: z.string().optional(), namePrefix: z.string().optional() }).strict(),
  })
  .strict();

export const conditionSchema = z.discriminatedUnion('type', [
  objectConditionSchema.extend({ type: z.literal('exists') }),
  objectConditionSchema.extend({ type: z.literal('absent') }),
  countConditionSchema,
  fieldConditionSchema,
  selectsConditionSchema,
  commandConditionSchema,
  transitionConditionSchema,
  replacedConditionSchema,
]);
export type Condition = z.infer<typeof conditionSchema>;

export const stepChecksSchema = z.array(conditionSchema);
export type StepChecks = Condition[];

export type Locale = 'es' | 'en';

/** One command line as recorded, from any door. */
export interface InputRecord {
  /** simulated time, epoch ms */
  at: number;
  door: 'web' | 'discord' | 'cli' | 'api' | 'system';
  command: string;
  exitCode?: number;
  /** the shell's aliases when it ran (`k` → `kubectl` is always understood) */
  aliases?: Record<string, string>;
}

/** One change to an object, recorded from the store's watch events. */
export interface TransitionRecord {
  at: number;
  kind: 'added' | 'modified' | 'deleted';
  resource: string;
  namespace?: string;
  name: string;
  /** pods: status.phase after the change */
  phase?: string;
  /** the controller owner, `Kind/name` */
  owner?: { kind: string; name: string };
  /** the object carries a deletionTimestamp: a graceful deletion is under way */
  terminating?: boolean;
}

export interface CheckContext {
  objects: (resource: string, namespace?: string) => import('../../engine/api/types').KubeObject[];
  inputs: InputRecord[];
  transitions: TransitionRecord[];
  /** epoch ms */
  now: number;
  /** when the step started (for `after: 'step'`) */
  stepStartedAt?: number;
}

export interface ConditionResult {
  index: number;
  id?: string;
  type: Condition['type'];
  passed: boolean;
  weight: number;
  /** the weight when passed, else 0 */
  score: number;
  /** what to tell the student about this failure */
  hint?: string;
  /** "expected …, found …" in the locale */
  message: string;
  expected: string;
  found: string;
}

export interface StepResult {
  passed: boolean;
  /** passed weight / total weight, 0..1 */
  score: number;
  conditions: ConditionResult[];
  /** from the first failing condition, specific to what was found */
  hint?: string;
}
