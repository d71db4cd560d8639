import type { TestProject } from 'vitest/node';
import { buildClientIfNeeded, startApiServer } from './support/api-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the client when it is missing or stale, starts the API for all browser tests, stops it after. */
export default async function setup(project: TestProject) {
  buildClientIfNeeded();
  const server = await startApiServer();
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
  };
}
