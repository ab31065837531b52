/** The part of macros the web app may import: placeholder checking and the variant rules. */
export { PLACEHOLDERS, placeholdersIn, unknownPlaceholders } from './template.js';
export { REGISTERS, chooseVariant, type MacroVariant, type VariantReason } from './variant.js';
