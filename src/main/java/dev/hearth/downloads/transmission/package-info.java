/** The Transmission integration: the legacy RPC envelope (3.00 to 4.x) behind {@code DownloadClient}. */
@NullMarked
package dev.hearth.downloads.transmission;

import org.jspecify.annotations.NullMarked;
