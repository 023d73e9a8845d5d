package dev.hearth.media;

import java.util.List;

/** The configured services that offer a media capability, in the order of hearth.yml. */
public interface MediaServices {
    <C> List<C> offering(Class<C> capability);
}
