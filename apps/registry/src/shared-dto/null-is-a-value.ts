const NULL_IS_A_VALUE = Symbol('nullIsAValue');

/**
 * On an optional property whose `null` says something of its own (a post's `seats: null` is
 * "unlimited"). Without it, a `null` sent for an optional property reads as the property left out.
 */
export function NullIsAValue(): PropertyDecorator {
  return (target, property) => Reflect.defineMetadata(NULL_IS_A_VALUE, true, target, property);
}

export function nullIsAValue(type: abstract new (...args: never[]) => unknown, property: string): boolean {
  return Reflect.getMetadata(NULL_IS_A_VALUE, type.prototype as object, property) === true;
}
