/** Another language must have every key the Indonesian text has (checked by the compiler). */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
