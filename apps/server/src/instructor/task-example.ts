// The example the task editor offers: a CKA-style task, written in the check language as an
// instructor would type it, so the language is seen at work before writing one's own.
import type { TaskFormValues } from './task-form';

const CHECKS = `# A Deployment "web" in namespace "exam": 3 ready replicas of nginx:1.25
# behind a NodePort Service.
- id: deployment
  type: exists
  resource: deployments
  namespace: exam
  name: web
- id: image
  type: field
  resource: deployments
  namespace: exam
  name: web
  test:
    path: spec.template.spec.containers[0].image
    equals: nginx:1.25
- id: ready
  type: field
  resource: deployments
  namespace: exam
  name: web
  test:
    path: status.readyReplicas
    equals: 3
- id: nodeport
  type: field
  resource: services
  namespace: exam
  name: web
  test:
    path: spec.type
    equals: NodePort
- id: endpoints
  type: selects
  namespace: exam
  name: web
  atLeast: 3
`;

export const EXAMPLE_TASK: TaskFormValues = {
  title: 'web (CKA)',
  descriptionEs:
    'En el espacio de nombres `exam`, crea un Deployment `web` con **3 réplicas listas** de `nginx:1.25` y publícalo con un Service `web` de tipo **NodePort** en el puerto 80.',
  descriptionEn:
    'In namespace `exam`, create a Deployment `web` with **3 ready replicas** of `nginx:1.25` and publish it with a Service `web` of type **NodePort** on port 80.',
  checks: CHECKS,
};

/** What passes the example on a fresh cluster (the e2e and browser tests run these). */
export const EXAMPLE_SOLUTION = [
  'kubectl create namespace exam',
  'kubectl create deployment web -n exam --image=nginx:1.25 --replicas=3',
  'kubectl expose deployment web -n exam --type=NodePort --port=80',
];
