export const products = [];
