// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's request id, so a person can quote it to the programme team. */
      reference?: string;
    }
  }
}

export {};
