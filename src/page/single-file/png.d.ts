/** A .png imported in the single-file build: webpack's asset/inline gives its data: URL. */
declare module '*.png' {
  const url: string;
  export default url;
}
