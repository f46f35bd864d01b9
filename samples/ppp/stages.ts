/** The library's stage codes (projState) by name; 0 and 4 are our decision (src/domain/pppCodes.ts). */
export const STAGE = { identification: 0, preparation: 1, procurement: 2, execution: 3, handover: 4 } as const;
