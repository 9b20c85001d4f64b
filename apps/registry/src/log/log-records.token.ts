/** The embedded store's records as hashed (`StoredLogRecords`). */
export const LOG_RECORDS = Symbol('LOG_RECORDS');
