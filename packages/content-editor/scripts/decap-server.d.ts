// decap-server ships a CommonJS bundle without types: the part the editor uses.
declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';
  const middlewares: {
    registerLocalFs(app: Express, options?: { logLevel?: string }): Promise<void>;
    registerLocalGit(app: Express, options?: { logLevel?: string }): Promise<void>;
  };
  export default middlewares;
}
