package org.georisk.assessment.stream;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Byte-array streams for the stores' binary formats without the locks of ByteArrayOutputStream and
 * ByteArrayInputStream: every method of those is synchronized, and a pair state or a story is written field by field
 * on every event.
 */
final class ByteStreams {

    private ByteStreams() {
    }

    /** A growing byte array. */
    static final class Out extends OutputStream {
        private byte[] bytes;
        private int count;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }
    }

    /** Reads a byte array. */
    static final class In extends InputStream {
        private final byte[] bytes;
        private int position;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes.length) {
                return len == 0 ? 0 : -1;
            }
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
