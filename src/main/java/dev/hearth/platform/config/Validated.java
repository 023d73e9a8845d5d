package dev.hearth.platform.config;

/**
 * Settings that check themselves once bound: a kind's settings record or a feature's section. Every
 * problem is added with its key relative to the record ({@code bot_token}), never thrown one at a time.
 */
public interface Validated {
    void validate(Problems problems);
}
