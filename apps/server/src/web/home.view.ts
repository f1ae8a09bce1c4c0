// Plain view model of the home page (views/home.hbs).
export interface HomeView {
  title: string;
  product: string;
  tagline: string;
  parts: { name: string; description: string }[];
}

export function homeView(): HomeView {
  return {
    title: 'kubeaula',
    product: 'kubeaula',
    tagline: 'A classroom for Kubernetes: a simulated cluster per student, guided lessons, live grading.',
    parts: [
      { name: 'Simulated clusters', description: 'each student gets a Kubernetes cluster of their own, modelled in the server: no containers, no VMs.' },
      { name: 'A faithful kubectl', description: 'kubectl v1.32 output and errors, in the browser, in Discord, in a local shell.' },
      { name: 'Lessons and grading', description: 'guided lessons in Spanish and English, checked against what each cluster actually contains.' },
    ],
  };
}
