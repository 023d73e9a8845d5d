/** The Deluge integration: deluge-web's JSON-RPC, which proxies the daemon, behind {@code DownloadClient}. */
@NullMarked
package dev.hearth.downloads.deluge;

import org.jspecify.annotations.NullMarked;
