// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Me } from '@inbreng/shared';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API's request id, so a person can quote it to the programme team. */
      reference?: string;
    }
    interface Locals {
      /** The signed-in person, or null when signed out (read once per request in hooks.server.ts). */
      me: Me | null;
    }
  }
}

export {};
