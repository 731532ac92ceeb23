package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors of the Python form: where they are reported and in what words, which follow
 * Python's own messages, and constructs scripts do not run, which name themselves.
 */
class PythonErrorsTest {

  static Stream<Arguments> pythonErrors() {
    return Stream.of(
        arguments("x = (1, 2", 1, 5, "'(' was never closed"),
        arguments("s.recv(1024", 1, 7, "'(' was never closed"),
        arguments("f(a b)", 1, 3, "invalid syntax. Perhaps you forgot a comma?"),
        arguments("x = )", 1, 5, "unmatched ')'"),
        arguments("x = (1]", 1, 7,
            "closing parenthesis ']' does not match opening parenthesis '('"),
        arguments("x = (1,\n]", 2, 1,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1"),
        arguments("if x\n    pass", 1, 5, "expected ':'"),
        arguments("with a as s\n  pass", 1, 12, "expected ':'"),
        arguments("if x:\npass", 2, 1, "expected an indented block after 'if' statement on line 1"),
        arguments("while x:\n    pass\nelse:\nb()", 4, 1,
            "expected an indented block after 'else' statement on line 3"),
        arguments("if x:\n    a\n  b", 3, 3, "unindent does not match any outer indentation level"),
        arguments("  x = 1", 1, 3, "unexpected indent"),
        arguments("for x in y:\n\tif a:\n        pass", 3, 9,
            "inconsistent use of tabs and spaces in indentation"),
        arguments("s = 'abc", 1, 5, "unterminated string literal (detected at line 1)"),
        arguments("s = '''abc\nde", 1, 5,
            "unterminated triple-quoted string literal (detected at line 2)"),
        arguments("x = 500ms", 1, 5, "invalid decimal literal"),
        arguments("x = 0777", 1, 5, "leading zeros in decimal integer literals are not permitted; "
            + "use an 0o prefix for octal integers"),
        arguments("x = 0x", 1, 5, "invalid hexadecimal literal"),
        arguments("x = 0b2", 1, 5, "invalid digit '2' in binary literal"),
        arguments("x = 1 +", 1, 8, "invalid syntax"),
        arguments("x = $", 1, 5, "invalid character '$' (U+0024)"),
        arguments("x = 1\\ y", 1, 6, "unexpected character after line continuation character"),
        arguments("f() = 1", 1, 1,
            "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
        arguments("1 = x", 1, 1,
            "cannot assign to literal here. Maybe you meant '==' instead of '='?"),
        arguments("a, f() = x", 1, 4, "cannot assign to function call"),
        arguments("f() += 1", 1, 1,
            "'function call' is an illegal expression for augmented assignment"),
        arguments("del f()", 1, 5, "cannot delete function call"),
        arguments("for f() in x: pass", 1, 5, "cannot assign to function call"),
        arguments("print 'hi'", 1, 1,
            "Missing parentheses in call to 'print'. Did you mean print(...)?"),
        arguments("x = b'a' 'b'", 1, 10, "cannot mix bytes and nonbytes literals"),
        arguments("f(a=1, 2)", 1, 8, "positional argument follows keyword argument"),
        arguments("f(a=1, a=2)", 1, 8, "keyword argument repeated: a"),
        arguments("f(a.b=1)", 1, 3,
            "expression cannot contain assignment, perhaps you meant \"==\"?"),
        arguments("break", 1, 1, "'break' outside loop"),
        arguments("continue", 1, 1, "'continue' not properly in loop"),
        arguments("while x:\n    pass\nelse:\n    break", 4, 5, "'break' outside loop"),
        arguments("return 1", 1, 1, "'return' outside function"),
        arguments("try:\n    pass\nx = 1", 3, 1, "expected 'except' or 'finally' block"),
        arguments("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", 5, 1,
            "default 'except:' must be last"),
        arguments("try:\n    pass\nexcept A, B:\n    pass", 3, 9,
            "multiple exception types must be parenthesized"),
        arguments("except E:\n  pass", 1, 1, "invalid syntax"),
        arguments("x = a if b", 1, 11, "expected 'else' after 'if' expression"),
        arguments("for x y:\n  pass", 1, 7, "expected 'in'"),
        arguments("x = f'{}'", 1, 8, "f-string: valid expression required before '}'"),
        arguments("x = f'}'", 1, 7, "f-string: single '}' is not allowed"),
        arguments("x = f'{a!x}'", 1, 10,
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        arguments("x = f'{a'", 1, 9, "f-string: expecting '}'"),
        arguments("x = f'{a#}'", 1, 9, "f-string expression part cannot include '#'"),
        arguments("x = f'{a b}'", 1, 10, "f-string: invalid syntax"),
        arguments("x = '\\x4'", 1, 5, "(unicode error) 'unicodeescape' codec can't decode bytes "
            + "in position 0-2: truncated \\xXX escape"),
        arguments("x = b'\\x4'", 1, 5, "(value error) invalid \\x escape at position 0"),
        arguments("x = b'\u00e9'", 1, 5, "bytes can only contain ASCII literal characters"),
        arguments("x = '\\N{NOPE}'", 1, 5, "(unicode error) 'unicodeescape' codec can't decode "
            + "bytes in position 0-7: unknown Unicode character name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonErrors")
  void reportsPythonsMessageAtPythonsPosition(String source, int line, int column,
      String message) {
    ParseResult.Invalid invalid = Parses.invalid(source);
    assertThat(invalid).isEqualTo(new ParseResult.Invalid(Parses.FILE, line, column, message));
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        arguments("def f(): pass", 1, 1, "def (functions)"),
        arguments("class A: pass", 1, 1, "class (classes)"),
        arguments("f = lambda: 1", 1, 5, "lambda (functions)"),
        arguments("@dec\nx", 1, 1, "decorators"),
        arguments("async with x: pass", 1, 1, "async"),
        arguments("x = await y", 1, 5, "await"),
        arguments("x = (yield)", 1, 6, "yield (generators)"),
        arguments("x = [i for i in y]", 1, 8, "comprehensions and generator expressions"),
        arguments("sum(i for i in y)", 1, 7, "comprehensions and generator expressions"),
        arguments("f(*a)", 1, 3, "argument unpacking (*args)"),
        arguments("f(**k)", 1, 3, "argument unpacking (**kwargs)"),
        arguments("a, *b = c", 1, 4, "starred expressions (*x)"),
        arguments("x = {**d}", 1, 6, "dict unpacking (**d)"),
        arguments("(x := 1)", 1, 4, "assignment expressions (:=)"),
        arguments("x: int = 1", 1, 2, "annotations"),
        arguments("global x", 1, 1, "global"),
        arguments("x = 1j", 1, 5, "complex numbers"),
        arguments("x = a @ b", 1, 7, "matrix multiplication (@)"),
        arguments("try:\n    pass\nexcept* E:\n    pass", 3, 7, "except*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void namesWhatScriptsDoNotRun(String source, int line, int column, String what) {
    assertThat(Parses.invalid(source)).isEqualTo(new ParseResult.Invalid(Parses.FILE, line, column,
        "not supported in sockscope scripts: " + what));
  }

  @Test
  void formatsAsFileLineColumnMessage() {
    assertThat(Parser.parseFile("script.sc", "x = (1]"))
        .isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> assertThat(invalid.format())
            .isEqualTo("script.sc:1:7: closing parenthesis ']' does not match opening "
                + "parenthesis '('"));
  }
}
