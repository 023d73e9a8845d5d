/**
 * A thin client for the Docker Engine API: only the calls Hearth uses, over a unix socket or
 * {@code tcp://}, with a hand-written HTTP/1.1 codec so that no JNA or docker-java tree is needed.
 *
 * <p>Public: {@link dev.hearth.services.docker.DockerEngineClient}, its result records and
 * {@link dev.hearth.services.docker.DockerException}. Everything else is package-private.
 */
@org.jspecify.annotations.NullMarked
package dev.hearth.services.docker;
