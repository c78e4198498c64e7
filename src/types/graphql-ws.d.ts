// graphql-ws publishes its `ws` adapter only through package.json "exports" (graphql-ws/use/ws), which this project's
// node10 module resolution does not read; Node's require does. This names the adapter's own declarations for it.
declare module "graphql-ws/use/ws" {
  export { useServer } from "graphql-ws/dist/use/ws";
}
