/** The envelope of every list: `{ <plural>, count, offset, limit }` (the limit asked, not the rows returned). */
export type PaginatedResponse<T> = T & { count: number; offset: number; limit: number }
