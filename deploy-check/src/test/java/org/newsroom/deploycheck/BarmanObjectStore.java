package org.newsroom.deploycheck;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The Barman Cloud plugin's {@code barmancloud.cnpg.io/v1 ObjectStore}: where a CloudNativePG cluster archives its WAL
 * and base backups, reduced to the fields our manifests use.
 */
record BarmanObjectStore(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(String retentionPolicy, Configuration configuration) {}

    record Configuration(String destinationPath, String endpointURL, S3Credentials s3Credentials, Wal wal, Data data) {}

    record S3Credentials(KeyRef accessKeyId, KeyRef secretAccessKey) {}

    record KeyRef(String name, String key) {}

    record Wal(Compression compression, Integer maxParallel) {}

    record Data(Compression compression, Integer jobs) {}

    /** barman-cloud's compressions: a typo here would only fail at the first archived segment. */
    enum Compression {
        bzip2,
        gzip,
        lz4,
        snappy,
        xz,
        zstd
    }
}
