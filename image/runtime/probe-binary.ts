/**
 * A 239-byte static Linux x86-64 program, built here byte by byte so the runtime checks can
 * bind-mount it into any image (distroless and scratch included: it needs no libc, no shell, no
 * tools in the image). It does one of two things:
 *
 * - with no argument: `open("/.hardened-write-probe", O_WRONLY|O_CREAT, 0600)`; on success it
 *   closes and unlinks the file and exits 0, on failure it exits with the errno (30 = EROFS
 *   "Read-only file system", 13 = EACCES "Permission denied");
 * - with any argument: exits with `getuid()`, capped at 255 (0 means root).
 *
 * The machine code (Intel syntax, assembled with GNU as and checked with objdump):
 *
 * ```
 * _start:  cmp qword ptr [rsp], 1 ; jne uidmode          ; argc
 *          mov eax, 2 ; lea rdi, [rip+path] ; mov esi, 0x41 ; mov edx, 0x180 ; syscall   ; open
 *          test rax, rax ; js fail
 *          mov edi, eax ; mov eax, 3 ; syscall                                          ; close
 *          mov eax, 87 ; lea rdi, [rip+path] ; syscall                                  ; unlink
 *          xor edi, edi ; jmp done
 * fail:    neg eax ; mov edi, eax ; jmp done
 * uidmode: mov eax, 102 ; syscall ; mov edi, 255 ; cmp eax, 255 ; cmovb edi, eax        ; getuid
 * done:    mov eax, 60 ; syscall                                                        ; exit
 * path:    .asciz "/.hardened-write-probe"
 * ```
 */

/** The path the probe writes in write mode. */
export const PROBE_WRITE_PATH = "/.hardened-write-probe";

const CODE = [
  "48833c2401753e", // cmp qword [rsp],1 ; jne uidmode
  "b802000000488d3d4d000000be41000000ba800100000f05", // open
  "4885c0781b", // test rax,rax ; js fail
  "89c7b8030000000f05", // close
  "b857000000488d3d270000000f05", // unlink
  "31ffeb1a", // exit 0
  "f7d889c7eb14", // fail: exit errno
  "b8660000000f05bfff0000003dff0000000f42f8", // uidmode: exit min(getuid(), 255)
  "b83c0000000f05", // done: exit
];

const VADDR = 0x400000n;
const HEADERS = 64 + 56;

/** The probe as an ELF64 executable with one read+execute LOAD segment and no sections. */
export function probeBinary(): Buffer {
  const code = Buffer.concat([
    Buffer.from(CODE.join(""), "hex"),
    Buffer.from(`${PROBE_WRITE_PATH}\0`, "latin1"),
  ]);
  const size = BigInt(HEADERS + code.length);
  const elf = Buffer.alloc(HEADERS);
  Buffer.from("7f454c46020101", "hex").copy(elf, 0); // magic, 64-bit, little-endian, version 1
  elf.writeUInt16LE(2, 16); // ET_EXEC
  elf.writeUInt16LE(0x3e, 18); // EM_X86_64
  elf.writeUInt32LE(1, 20); // EV_CURRENT
  elf.writeBigUInt64LE(VADDR + BigInt(HEADERS), 24); // entry point
  elf.writeBigUInt64LE(64n, 32); // program headers offset
  elf.writeUInt16LE(64, 52); // ELF header size
  elf.writeUInt16LE(56, 54); // program header size
  elf.writeUInt16LE(1, 56); // one program header
  elf.writeUInt32LE(1, 64); // PT_LOAD
  elf.writeUInt32LE(5, 68); // PF_R | PF_X
  elf.writeBigUInt64LE(0n, 72); // file offset
  elf.writeBigUInt64LE(VADDR, 80); // virtual address
  elf.writeBigUInt64LE(VADDR, 88); // physical address
  elf.writeBigUInt64LE(size, 96); // size in file
  elf.writeBigUInt64LE(size, 104); // size in memory
  elf.writeBigUInt64LE(0x1000n, 112); // alignment
  return Buffer.concat([elf, code]);
}
