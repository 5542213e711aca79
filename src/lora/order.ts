/** Tie-break order for sorted lists in reports: plain code-unit order (why: src/util/order.ts). */
export { byCodeUnit } from '../util/order.js'
