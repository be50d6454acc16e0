package org.mediaartscities.shared.aws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.lang.OnFirstUse;

/**
 * AWS clients built on their first use rather than at init. A function's first request pays only for the clients
 * its route uses: listing an editor's drafts builds no S3 client, opening an application form no SES client.
 * Under SnapStart the priming builds them all before the snapshot ({@link #buildAll()}), so that a restored
 * instance has every client ready.
 *
 * <p>The client is built with the variables the handler was constructed with: the dev server, which binds each
 * handler's variables only while constructing it ({@link Env#SCOPED}), binds them again for the build.
 *
 * <p>A supplier, not a stand-in implementing the client's interface: a JDK proxy of an SDK client loads the model
 * class of every operation when it is made (278 classes for S3), more than building the client.
 */
public final class LazyClients {

  private static final List<OnFirstUse<?>> CREATED = new CopyOnWriteArrayList<>();

  private LazyClients() {}

  /** The client {@code factory} builds, built once, on the first {@code get()}. */
  public static <T> Supplier<T> of(Supplier<T> factory) {
    Map<String, String> scoped = Env.SCOPED.isBound() ? Env.SCOPED.get() : null;
    var client = OnFirstUse.of(scoped == null ? factory : () -> ScopedValue.where(Env.SCOPED, scoped)
        .call(factory::get));
    CREATED.add(client);
    return client;
  }

  /** Builds every client made here that is not built yet (SnapStart priming: before the snapshot is taken). */
  public static void buildAll() {
    CREATED.forEach(OnFirstUse::get);
  }
}
