// The widgets arrive with the next issue; the package exists so the workspace layout is final.
export {};
