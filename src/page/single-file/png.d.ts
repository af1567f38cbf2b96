/** A .png imported in the single-file build: webpack's asset/inline gives its data: URL. */
declare module '*.png' {
  const url: string;
  export default url;
}

/** The engine worker's bundle as text (webpack.config.js: the `single-worker` output, asset/source by `?source`). */
declare module 'pga-single-worker-bundle?source' {
  const text: string;
  export default text;
}
