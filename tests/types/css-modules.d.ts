// The renderer's CSS modules, as Vite gives them (class names by key), for the unit tests that
// render a renderer component under Node (tests/unit/renderer/cell-badge.test.ts).
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
