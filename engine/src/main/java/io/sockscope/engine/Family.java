package io.sockscope.engine;

import io.sockscope.engine.posix.Linux;

/** The address families a socket can have, with their Linux numbers and Python names. */
public enum Family {
    INET(Linux.AF_INET, "AF_INET"),
    INET6(Linux.AF_INET6, "AF_INET6");

    private final int number;
    private final String pythonName;

    Family(int number, String pythonName) {
        this.number = number;
        this.pythonName = pythonName;
    }

    /** The AF_* number passed to socket(2). */
    public int number() {
        return number;
    }

    /** The name as Python's socket module spells it ({@code AF_INET}). */
    public String pythonName() {
        return pythonName;
    }
}
