/** Secrets at rest: sealing, the keys and their rotation. Kernel: knows no capability. */
export { isSealed, secretBox, SecretKeyMissingError, type SecretBox, type SecretKey } from './box.js';
export { loadSecretKeys, parseSecretKeys, type SecretKeySource } from './keys.js';
export { resealColumn } from './reseal.js';
