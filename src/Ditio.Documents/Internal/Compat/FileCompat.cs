#if !NET
using System.Security.Cryptography;

namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the file, path and hashing helpers of .NET Core, with the same results.</summary>
internal static class FileCompat
{
    extension(File)
    {
        /// <summary>As .NET's: with <paramref name="overwrite"/>, an existing destination is replaced in one step (File.Replace).</summary>
        public static void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            if (overwrite && File.Exists(destFileName))
            {
                File.Replace(sourceFileName, destFileName, destinationBackupFileName: null, ignoreMetadataErrors: true);
                return;
            }

            File.Move(sourceFileName, destFileName);
        }
    }

    extension(Path)
    {
        public static string GetRelativePath(string relativeTo, string path)
        {
            var from = Path.GetFullPath(relativeTo).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var to = Path.GetFullPath(path);
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(from, to.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), comparison))
            {
                return ".";
            }

            if (to.StartsWith(from + Path.DirectorySeparatorChar, comparison))
            {
                return to.Substring(from.Length + 1);
            }

            var relative = new Uri(from + Path.DirectorySeparatorChar).MakeRelativeUri(new Uri(to));
            return Uri.UnescapeDataString(relative.ToString()).Replace('/', Path.DirectorySeparatorChar);
        }
    }

    extension(Directory)
    {
        /// <summary>
        /// As .NET's enumeration with <see cref="EnumerationOptions"/>: entries with a skipped attribute are left out (a
        /// skipped folder is not entered), linked folders (reparse points) are not entered, inaccessible folders are passed over.
        /// </summary>
        public static IEnumerable<string> EnumerateFiles(string path, string searchPattern, EnumerationOptions options)
        {
            var pending = new Queue<string>();
            pending.Enqueue(path);
            while (pending.Count > 0)
            {
                var folder = pending.Dequeue();
                FileSystemInfo[] entries;
                try
                {
                    entries = new DirectoryInfo(folder).GetFileSystemInfos();
                }
                catch (Exception ex) when (options.IgnoreInaccessible && ex is UnauthorizedAccessException or IOException or System.Security.SecurityException)
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    if ((entry.Attributes & options.AttributesToSkip) != 0)
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo directory)
                    {
                        if (options.RecurseSubdirectories && (directory.Attributes & FileAttributes.ReparsePoint) == 0)
                        {
                            pending.Enqueue(directory.FullName);
                        }
                    }
                    else if (searchPattern == "*")
                    {
                        yield return entry.FullName;
                    }
                    else
                    {
                        throw new NotSupportedException("Only the pattern '*' is supported on .NET Framework.");
                    }
                }
            }
        }
    }

    extension(SHA256)
    {
        public static async ValueTask<byte[]> HashDataAsync(Stream source, CancellationToken cancellationToken = default)
        {
            using var sha = SHA256.Create();
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha.TransformBlock(buffer, 0, read, null, 0);
            }

            sha.TransformFinalBlock(buffer, 0, 0);
            return sha.Hash!;
        }
    }

    extension(Convert)
    {
        public static string ToHexStringLower(byte[] bytes)
        {
            var text = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                text[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }

            return new string(text);
        }
    }
}
#endif
