import type { Plugin } from 'esbuild';

export declare const singleFilePdfLib: Plugin;
