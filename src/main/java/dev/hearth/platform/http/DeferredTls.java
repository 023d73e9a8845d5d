package dev.hearth.platform.http;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's default TLS, set up when the first https connection needs it rather than when a client is built.
 * {@link HttpClient}'s builder asks for {@code SSLContext.getDefault()} at once, which loads the JSSE provider and
 * parses the whole CA store (some 350 classes and 150 certificates, resident for good) even when every upstream is
 * plain http on the LAN, as most of a home server's are. Every call here goes to that same default context, so
 * certificates are checked exactly as before; only the moment it is built moves.
 */
final class DeferredTls {
    private DeferredTls() {}

    /** A context that builds the default one on its first use. */
    static SSLContext context() {
        return new Deferred();
    }

    /**
     * Parameters that change nothing: a null protocol or cipher list leaves the default context's own, so a client
     * given these needs no default context to be built (the builder would ask it for its defaults otherwise).
     */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static final class Deferred extends SSLContext {
        Deferred() {
            super(new Spi(), null, "Default");
        }
    }

    private static final class Spi extends SSLContextSpi {
        private static SSLContext real() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no default TLS context", e);
            }
        }

        @Override
        protected void engineInit(KeyManager @Nullable [] km, TrustManager @Nullable [] tm, @Nullable SecureRandom sr)
                throws KeyManagementException {
            throw new KeyManagementException("the default TLS context is set up by the JDK");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
