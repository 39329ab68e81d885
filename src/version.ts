// carto's version, printed by `carto --version`.
export const VERSION = '0.1.0';
