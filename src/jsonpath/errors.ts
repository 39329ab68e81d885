// The one error type of the JSONPath engine. Its message is exactly client-go's error text, because
// Cartographer embeds that text in conditions users read (`failed to parse jsonpath '...': <err>`).

export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}
