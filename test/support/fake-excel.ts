/** The fake Excel object model (see its header for what it enforces); it lives in src so the bench can use it. */
export * from '../../src/hosts/office/fake';
