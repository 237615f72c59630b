/**
 * What the bias-correction claims share: their source and the decimal precision of their exact
 * comparisons.
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/** Where the claims are stated. */
export const SOURCE = 'Kingma & Ba 2015, section 3';
/** Decimal at 120 significant digits. */
export const D = Decimal.clone({ precision: 120 });
