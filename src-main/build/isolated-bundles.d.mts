/** Each bundle's source and where it goes, beside the child script (`isolated-bundles.mjs`). */
export declare const isolatedBundles: readonly { readonly entry: string; readonly out: string }[];
