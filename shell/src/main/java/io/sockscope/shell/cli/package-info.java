/**
 * The picocli subcommands of the shell module ({@link io.sockscope.shell.cli.RunCommand}) and
 * the option groups they share ({@link io.sockscope.shell.cli.OutputMixin} for --json, --color
 * and --debug, {@link io.sockscope.shell.cli.CaptureMixin} for --no-capture, --require-capture,
 * -i and -w). Each command has one catch site that turns an internal error into one line (and a
 * stack trace with --debug); everything a user can get wrong is a value with its own line and
 * exit code.
 */
package io.sockscope.shell.cli;
