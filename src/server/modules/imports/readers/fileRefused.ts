/** An upload the importer will not read: the message says why, in words for the user. */
export class FileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefused';
  }
}

export interface ReadLimits {
  /** Rows a sheet may have, title and header rows included. */
  maxRows: number;
  /** Bytes an .xlsx may unpack to, all entries together. */
  maxUnzippedBytes: number;
}
