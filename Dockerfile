# Hearth's container image (docs/operations.md, "The container image"):
#   docker build -t hearth .
#   docker run -d -p 4327:4327 -v hearth-data:/var/lib/hearth hearth
# Stage 1 builds hearth-<version>.tar.gz with Maven and a Java runtime of the modules Hearth uses with jlink;
# stage 2 is a small Debian with that runtime, the unpacked archive and the start-up cache recorded at build.
# The base images are build arguments, so a mirror or a local copy can stand in for Docker Hub's.
ARG BUILD_IMAGE=maven:3-eclipse-temurin-25
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
# A Maven repository to fetch everything from instead of Maven Central (a Nexus, an Artifactory, or, for a
# build without Internet, a local repository served over HTTP with --network host).
ARG MAVEN_MIRROR=
WORKDIR /src
RUN if [ -n "$MAVEN_MIRROR" ]; then \
      mkdir -p /root/.m2 && printf '<settings><mirrors><mirror><id>mirror</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors></settings>\n' \
        "$MAVEN_MIRROR" > /root/.m2/settings.xml; \
    fi
COPY pom.xml README.md ./
COPY src src
COPY bin bin
COPY docs docs
COPY packaging packaging
RUN mvn -B -q -Dmaven.test.skip=true package \
 && mkdir /dist && tar -xzf target/hearth-*.tar.gz -C /dist --strip-components=1
# The modules of packaging/jlink-modules that this JDK has (jdk.crypto.ec went away after Java 21).
RUN modules=$(grep -v '^#' packaging/jlink-modules | while read -r m; do \
        [ -n "$m" ] && java --list-modules | grep -q "^$m@" && echo "$m"; done | paste -sd, -) \
 && jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /java

FROM ${RUNTIME_IMAGE}
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HEARTH_DATA_DIR=/var/lib/hearth \
    HEARTH_PORT=4327
COPY --from=build /java /opt/java
COPY --from=build /dist /opt/hearth
# An unprivileged user of a fixed id (files in volumes keep it across rebuilds), written as plain lines so any
# base with a shell will do; its data dir is the volume.
RUN echo 'hearth:x:10001:10001:Hearth:/var/lib/hearth:/usr/sbin/nologin' >> /etc/passwd \
 && echo 'hearth:x:10001:' >> /etc/group \
 && mkdir -p /var/lib/hearth /etc/hearth \
 && chown 10001:10001 /var/lib/hearth \
 && /opt/hearth/packaging/docker/record-start-up-cache
USER 10001:10001
# hearth.yml, when mounted here, is read at start (./hearth.yml); data and secrets written at run time go to the volume.
WORKDIR /etc/hearth
VOLUME /var/lib/hearth
EXPOSE 4327
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["/opt/hearth/packaging/docker/healthcheck"]
ENTRYPOINT ["/opt/hearth/bin/hearth"]
