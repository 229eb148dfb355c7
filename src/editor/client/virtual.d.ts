// Modules that scripts/build-pages.mjs writes while it bundles.
declare module 'virtual:schema-descriptions' {
  const descriptions: Record<string, string>;
  export default descriptions;
}
