declare module 'virtual:hearth/custom-elements-manifest' {
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
