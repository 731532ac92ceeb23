package io.sockscope.shell.run;

/**
 * The body of a built-in function, method or constructor. It reads its arguments from the
 * {@link Args}, returns a value, and raises Python exceptions by throwing {@link PythonError}.
 */
@FunctionalInterface
interface Native {
  Value call(Args args);
}
