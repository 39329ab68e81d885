// The parse tree of a client-go JSONPath template. The shapes mirror client-go's node kinds so
// that the evaluator can reproduce its behaviour node for node.

export interface ListNode {
  readonly type: 'list';
  readonly nodes: Node[];
}
export interface TextNode {
  readonly type: 'text';
  readonly text: string;
}
export interface FieldNode {
  readonly type: 'field';
  readonly name: string;
}
/** One bound of `[start:end:step]`. `derived` marks the end of a plain `[n]` (n+1). */
export interface SliceParam {
  readonly value: number;
  readonly known: boolean;
  readonly derived: boolean;
}
export interface ArrayNode {
  readonly type: 'array';
  readonly params: readonly [SliceParam, SliceParam, SliceParam];
}
export interface FilterNode {
  readonly type: 'filter';
  readonly left: ListNode;
  readonly right: ListNode;
  /** The operator text as written (`==`, `<`, ...), or `exists` for `[?(@.x)]`. */
  readonly operator: string;
}
export interface IntNode {
  readonly type: 'int';
  readonly value: number;
}
export interface FloatNode {
  readonly type: 'float';
  readonly value: number;
}
export interface BoolNode {
  readonly type: 'bool';
  readonly value: boolean;
}
export interface WildcardNode {
  readonly type: 'wildcard';
}
export interface RecursiveNode {
  readonly type: 'recursive';
}
export interface UnionNode {
  readonly type: 'union';
  readonly lists: ListNode[];
}
/** A bare word inside an action: only `range` and `end` mean anything when evaluated. */
export interface IdentifierNode {
  readonly type: 'identifier';
  readonly name: string;
}

export type Node =
  | ListNode
  | TextNode
  | FieldNode
  | ArrayNode
  | FilterNode
  | IntNode
  | FloatNode
  | BoolNode
  | WildcardNode
  | RecursiveNode
  | UnionNode
  | IdentifierNode;

/** A parsed template: the top-level text and `{...}` actions, in order. */
export interface JsonPathTemplate {
  readonly source: string;
  readonly root: ListNode;
}
