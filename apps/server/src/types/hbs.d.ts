// The part of hbs (Handlebars for Express) that the server uses; the package ships no types.
declare module 'hbs' {
  interface Hbs {
    registerPartials(directory: string, done?: (err?: Error) => void): void;
    registerHelper(name: string, fn: (...args: any[]) => unknown): void;
  }
  const hbs: Hbs;
  export default hbs;
}
